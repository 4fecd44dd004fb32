# Sources of src/index (owned by that module).
