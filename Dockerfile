# Multi-stage build: dependencies, the Next.js standalone build, then a runtime
# image that applies migrations (offline Wasm engine) before serving.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# postinstall generates the Prisma client from prisma/schema.prisma.
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_OUTPUT=standalone NODE_ENV=production
RUN npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
# The migration runner and seed run with tsx from the full dependency tree.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/package.json /app/tsconfig.json ./
USER node
EXPOSE 3000
# Migrations first (idempotent); the demo data only when asked and only into an empty database.
CMD ["sh", "-c", "npm run db:migrate && if [ \"$SEED_DEMO_DATA\" = \"true\" ]; then npm run db:seed; fi && exec node --max-old-space-size=512 server.js"]
