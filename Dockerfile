# syntax=docker/dockerfile:1
# Legal Arena production image. Built by docker-compose.yml (docs/deploy.md).

# ---- build: install everything, build Remix + server, then drop dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# openssl lets Prisma's CLI detect the platform during `prisma generate` (postinstall).
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# `npm ci` runs the postinstall hook (node scripts/prisma-generate.mjs), which needs
# scripts/ and prisma/schema.prisma, so they are copied before the install.
COPY package.json package-lock.json ./
COPY scripts/ ./scripts/
COPY prisma/ ./prisma/
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app

# Application files stay owned by root (read-only for the app); only DATA_DIR is writable.
# The app source is kept because `npm run cli` runs app/cli/main.ts through tsx, and the
# start-up migrator reads prisma/migrations/.
COPY --from=build /app /app
RUN mkdir -p /app/data && chown node:node /app/data

USER node
EXPOSE 3000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "scripts/start.mjs"]
