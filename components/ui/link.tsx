import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching. Every page here is rendered per request, so
 * Next's automatic prefetch brings only an empty shell, yet it sends one
 * request per link on screen: a dashboard fired a dozen as it opened, data
 * and battery that a phone on a metered connection pays for nothing.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
