# Builds either app: docker build --build-arg APP=api . (or APP=worker)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ARG APP=api
ENV NODE_ENV=production APP=${APP}
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
# exec replaces the shell, so the app is PID 1 and receives SIGTERM itself (graceful shutdown).
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
