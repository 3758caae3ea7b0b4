# The gateway image of compose.yaml. Build: the TypeScript server and the web app; run: the built
# server on Node 20 with production dependencies only. MONGODB_URI is required here (the embedded
# FerretDB needs Go to build and is for laptops).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 4000
# SIGTERM reaches node directly (exec form): it hands running sync runs over and exits.
CMD ["node", "dist/src/main.js"]
