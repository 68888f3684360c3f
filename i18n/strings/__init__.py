"""One module per page or shared area, each defining ``STRINGS``; i18n gathers them all."""
