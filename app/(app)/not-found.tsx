import { NotFoundMessage } from "@/components/layout/not-found-message";

// Rendered inside the signed-in layout, whose <main> already wraps it.
export default function SignedInNotFound() {
  return <NotFoundMessage />;
}
