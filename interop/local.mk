# Interop programs and the matrix runner (issue 5).
