#!/bin/sh
# Prisma's CLI insists on a native schema engine for generate/validate/format, which it
# would otherwise download (impossible offline). Those commands never call it; anything
# that would is done by scripts/db-*.ts with the WebAssembly engine instead.
echo "quizwire: the native Prisma schema engine is not used; see docs/decisions/0002-offline-migrations.md" >&2
exit 1
