# syntax=docker/dockerfile:1
# One image per deployable, chosen by build argument:
#   docker build --build-arg SERVICE=consent -t kim-consent .
# SERVICE: gateway, consent, case-registry, immigration-office, jobcenter or welfare.
# The container runs `start` (the default), `migrate` (agencies and consent) or `health`.
ARG NODE_IMAGE=node:20-bookworm-slim

# Everything installed (dev tools included), Prisma clients generated, the deployables built.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && node scripts/build.mjs

# The production dependencies of the one deployable. No install scripts: the Prisma clients are
# bundled into dist/ at build, so nothing is generated here (and the Prisma CLI, the schema
# engine and TypeScript, optional peers of @prisma/client, stay out with --omit=optional).
FROM ${NODE_IMAGE} AS deps
ARG SERVICE
WORKDIR /app
COPY . .
RUN test -n "${SERVICE}" \
  && npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --workspace "@kim/${SERVICE}" \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
# The SDL, migrations and the eligibility stages are read at run time from where they are in the
# repository (see scripts/build.mjs), so the tree is kept as it is, with dist/ beside src/.
ENV NODE_ENV=production \
    KIM_SERVICE=${SERVICE} \
    HOST=0.0.0.0 \
    KIM_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/gateway/dist ./gateway/dist
COPY --from=build /app/consent/dist ./consent/dist
COPY --from=build /app/subgraphs/case-registry/dist ./subgraphs/case-registry/dist
COPY --from=build /app/subgraphs/immigration-office/dist ./subgraphs/immigration-office/dist
COPY --from=build /app/subgraphs/jobcenter/dist ./subgraphs/jobcenter/dist
COPY --from=build /app/subgraphs/welfare/dist ./subgraphs/welfare/dist
# PGlite's folders when no *_DATABASE_URL is set (one replica only); the user may write nothing else.
RUN mkdir -p /data && chown node:node /data
USER node
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "scripts/service.mjs", "health"]
ENTRYPOINT ["node", "scripts/service.mjs"]
CMD ["start"]
