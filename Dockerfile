# Praktijkplein in a container. Two stages: the first installs everything and
# builds the site; the second has only production dependencies, the build and the source files
# the server reads at run time, and runs as the unprivileged `node` user.
#
#   docker build -t praktijkplein \
#     --build-arg SITE_URL=https://praktijkplein.nl \
#     --build-arg NETWORK_NAME="Netwerk …" --build-arg NETWORK_EMAIL=redactie@… .
#   docker run -d -p 4321:4321 -v praktijkplein-data:/data \
#     -e SITE_URL=https://praktijkplein.nl -e SMTP_URL=smtps://… -e NETWORK_NAME="Netwerk …" \
#     -e NETWORK_EMAIL=redactie@… -e TRUST_PROXY=1 --stop-timeout 30 praktijkplein
#
# SITE_URL and the network's name and address are read at build time too (canonical links,
# sitemap, RSS, footer, /over/): give the same values to the build and to the container.

FROM node:24-slim AS build
WORKDIR /app
ARG SITE_URL
ARG NETWORK_NAME
ARG NETWORK_EMAIL
ARG NETWORK_URL
ARG CURATION_PROMISE
ENV ASTRO_TELEMETRY_DISABLED=1
# The lockfile first, so a change in the source does not reinstall. `npm install` and not
# `npm ci`: a lockfile made on one platform lacks the optional binaries of others, which
# `npm ci` refuses (docs/architecture.md, traps of this stack); with a lockfile present both install its versions.
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN test -n "$SITE_URL" || { echo "Geef --build-arg SITE_URL=https://… mee: canonieke links, sitemap en RSS komen daarvandaan." >&2; exit 1; }
RUN SITE_URL="$SITE_URL" NETWORK_NAME="$NETWORK_NAME" NETWORK_EMAIL="$NETWORK_EMAIL" NETWORK_URL="$NETWORK_URL" CURATION_PROMISE="$CURATION_PROMISE" \
    node_modules/.bin/astro build

FROM node:24-slim AS app
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4321 \
    DATABASE_URL=file:/data/praktijkplein.db \
    ASTRO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
# What the server reads at run time besides dist/: server.mjs and the modules it loads from
# source (src/server, db/client.ts and the code they import), the migrations (applied at start),
# the organisations and CBS lists (reference data, refreshed at start) and the operator scripts
# (db:migrate, db:backup, db:check, user:role).
COPY --from=build /app/dist ./dist
COPY --from=build /app/server.mjs ./server.mjs
COPY --from=build /app/src ./src
COPY --from=build /app/db ./db
COPY --from=build /app/content ./content
COPY --from=build /app/scripts ./scripts
# The database lives on a volume, writable by the app's user; the code stays root's, read-only.
RUN mkdir -p /data/backups && chown -R node:node /data
VOLUME /data
USER node
EXPOSE 4321
# Liveness only (/healthz never touches the database); a load balancer asks /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4321) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 (not npm, which does not pass signals on): SIGTERM from `docker stop`
# reaches server.mjs, which finishes requests under way (up to 10 s), then background work
# (up to 10 s), closes the database and exits 0. Give it time: `--stop-timeout 30`.
STOPSIGNAL SIGTERM
CMD ["node", "server.mjs"]
