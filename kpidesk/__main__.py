import sys

from kpidesk.cli import main

sys.exit(main())
