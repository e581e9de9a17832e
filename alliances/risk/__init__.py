"""Conflict risk: a Bayesian network (pgmpy) that gives P(clash) for every pair of actors.

- :mod:`.model`: the network's structure and CPD file (reader, validator, pgmpy export);
- :mod:`.factors`: every pair's graph factors, with sparse-matrix products;
- :mod:`.compiled`: all-pairs inference compiled over the factor combinations;
- :mod:`.explain`: tornado data, mutual information and a plain-language reason;
- :mod:`.whatif`: change the scenario and compare the risks;
- :mod:`.fit`: update the CPDs from observed pair-periods.

pgmpy is imported only when inference first runs.
"""
