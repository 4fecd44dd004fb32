# Sources of src/auth (owned by that module).
