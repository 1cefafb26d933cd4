"""Launching the command under a pseudo-terminal or pipes, relaying its output, its signals."""
