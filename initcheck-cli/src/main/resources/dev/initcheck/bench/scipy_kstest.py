"""Times scipy.stats.kstest on samples written by `initcheck bench`.

usage: python3 scipy_kstest.py SAMPLES.npy FAMILY PARAM REPEATS
FAMILY is uniform (U(-PARAM, PARAM)) or normal (N(0, PARAM)). Prints one JSON object:
{"scipy": version, "numpy": version, "seconds": [...], "statistic": D, "pvalue": p}.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy import stats


def main():
    path, family, param, repeats = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    x = np.load(path)
    law = stats.uniform(loc=-param, scale=2 * param) if family == "uniform" else stats.norm(loc=0, scale=param)
    seconds = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = stats.kstest(x, law.cdf)
        seconds.append(time.perf_counter() - t0)
    print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "seconds": seconds,
                      "statistic": float(result.statistic), "pvalue": float(result.pvalue)}))


if __name__ == "__main__":
    main()
