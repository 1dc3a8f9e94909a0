"""Run every benchmark module's ``main()``, or only those named on the command line."""

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if not m.name.startswith("_"))


def run(argv: list[str]) -> int:
    wanted = argv or modules()
    unknown = [name for name in wanted if name not in modules()]
    if unknown:
        print(f"no benchmark named {', '.join(unknown)}; there are: {', '.join(modules())}", file=sys.stderr)
        return 2
    for name in wanted:
        module = importlib.import_module(f"{__package__}.{name}")
        if not callable(getattr(module, "main", None)):
            continue
        print(f"== {name} ==", flush=True)
        started = time.perf_counter()
        module.main()
        print(f"== {name}: {time.perf_counter() - started:.1f} s ==\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
