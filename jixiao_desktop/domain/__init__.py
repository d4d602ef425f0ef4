"""The pure core: the form, its amounts, its checks and its exchange file (no Qt, no SQL)."""
