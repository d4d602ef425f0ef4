"""The district finance bureau's side: collect many units' files, sum them up, review them.

Qt-free core used by the CLI (``collect``, ``summary``) and the bureau window.
"""
