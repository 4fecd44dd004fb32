// Temporary entry point while the CLI is being written (replaced in this session).
int main() { return 1; }
