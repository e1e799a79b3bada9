"""Command-line subcommands: one module each, with add_parser() and run()."""
