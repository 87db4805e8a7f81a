"""One copy of every rule about letter text: folding, dates, numbers and facts, word lists.

The parser reads letters with these rules, the verifier checks model answers with them and
the eval scores with them, so the three can never disagree about what a date or a fact is.
Nothing here imports another layer of the package.
"""
