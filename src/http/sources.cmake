# Sources of src/http (owned by that module).
