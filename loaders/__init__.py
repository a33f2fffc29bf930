"""The input edge: the embedded data package (catalog, geodata) and files people bring (uploads), read with the
catalog's context. The faces (pages, ui/, the command line) call it; the domain package never does."""
