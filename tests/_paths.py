"""Paths the tests share: the repository, its seeds and the test data folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "syria_2017.yaml"
SEED_2016 = SEEDS / "syria_2016_2019.yaml"
UCDP = SEEDS / "events" / "ucdp_ged_syria_2016_2019.csv.gz"
DATA = ROOT / "tests" / "data"
