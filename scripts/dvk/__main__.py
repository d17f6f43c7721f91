import sys

from dvk.cli import main

sys.exit(main())
