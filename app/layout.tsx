import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";

import { SiteChrome } from "@/components/site/site-chrome";
import { SiteHeader } from "@/components/site/site-header";

import "./globals.css";

// Fonts ship as files from npm: Google-hosted fonts would need the network at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export const metadata: Metadata = {
  title: { default: "Quizwire", template: "%s · Quizwire" },
  description:
    "Quizzes on the news: read an article, answer questions on its facts, review what you are about to forget.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0d12" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded-lg focus:bg-brand focus:px-4 focus:py-2 focus:text-brand-ink"
        >
          Skip to content
        </a>
        <SiteChrome header={<SiteHeader />}>{children}</SiteChrome>
      </body>
    </html>
  );
}
