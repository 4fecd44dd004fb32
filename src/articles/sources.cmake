# Sources of src/articles (owned by that module).
