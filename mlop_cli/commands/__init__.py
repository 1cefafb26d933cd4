"""The commands of ``mlop``, one module per group; importing one registers its commands."""
