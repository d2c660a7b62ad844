# One image for every service of the hub; docker-compose.yml picks the command:
#   node dist/gateway/main.js            the gateway
#   node dist/subgraphs/main.js victims  a subgraph, by name
# Production uses MongoDB (MONGODB_URI): the embedded database and Go are not needed.
# The base image is pinned to an exact Node.js release (engines: 20.19 or newer);
# scripts/development/compose.test.ts refuses an unpinned one.

FROM node:20.19.4-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20.19.4-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The gateway loads schema/supergraph.graphql (found next to package.json).
COPY --from=build /app/schema ./schema
# The training subgraph writes the accreditation bodies' private keys here (a volume in
# docker-compose.yml, which takes this owner when first created).
RUN mkdir -p /var/lib/justice-hub/accreditation-keys && chown -R node:node /var/lib/justice-hub && chmod 700 /var/lib/justice-hub/accreditation-keys
USER node
CMD ["node", "dist/gateway/main.js"]
