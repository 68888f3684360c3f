"""The read side: one module per domain, parameterised SQL on read-only connections, results cached."""
