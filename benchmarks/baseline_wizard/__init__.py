"""The terminal wizard before the interview engine (commit 5ae4fe0), kept as a baseline.

The wizard benchmark measures the engine against it in the same run; nothing else imports it.
"""
