# Raadswijzer Samenwerken: the bot as one container (Slack, Teams, health checks on one port).
# Not built on the development machine (it has no container engine); tests/app/container.test.ts checks this file
# statically. See README "Deployment".

# --- Stage 1: runtime dependencies only (tsx is one: the server runs TypeScript through it, no build step) -------
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- Stage 2: the runtime image ----------------------------------------------------------------------------------
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/data \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY app ./app
COPY src ./src
COPY adapters ./adapters
COPY knowledge ./knowledge
# PGlite's folder and the index cache; mount a volume here (PGlite) or use DATABASE_URL (PostgreSQL).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The official image's unprivileged user.
USER node
EXPOSE 3978
# Liveness: /healthz answers 200 while the process serves HTTP (Node 24 has fetch built in; no curl needed).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3978}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server drains in-flight requests on SIGTERM (up to 10 s); give it that long before a SIGKILL.
STOPSIGNAL SIGTERM
# The server process itself, not npm, so SIGTERM reaches it (same entry point as `npm start`).
# Memory flags and MALLOC_ARENA_MAX (ENV above): see SERVER_NODE_FLAGS and SERVER_ENV in app/start-command.ts.
CMD ["node", "--liftoff-only", "--max-semi-space-size=8", "--max-old-space-size=2048", "--import", "tsx", "app/main.ts"]
