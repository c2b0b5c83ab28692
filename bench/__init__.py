"""`make bench`: prints the series' speed figures. Goals live here, never in tests."""
