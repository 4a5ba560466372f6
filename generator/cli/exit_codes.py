"""The exit codes of every command (also in the README)."""

EXIT_OK = 0  # success
EXIT_FAILED = 1  # the spec has errors, generated output is stale (check), validation found errors (or, with
#                  --strict, warnings), a post-generation hook failed, or diff --fail-on-breaking found a breaking change
EXIT_USAGE = 2  # bad arguments, unreadable or unusable input (validate: SF000), invalid configuration
EXIT_REFUSED = 3  # generated files were edited by hand (rerun with --force to overwrite)
EXIT_BUG = 4  # an unexpected exception, i.e. a bug in sdkforge: one line naming the spec, the traceback with --verbose
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
