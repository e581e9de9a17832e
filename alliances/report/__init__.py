"""Presentation as text: rich tables for the terminal and JSON-ready dicts.

One module per analysis. Functions here take results that analyses computed and turn
them into ``rich`` renderables or plain data for ``json.dumps``; they compute nothing.
"""
