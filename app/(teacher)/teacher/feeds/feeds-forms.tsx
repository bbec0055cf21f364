"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";

import { dismissFeedItemAction, followFeedAction, takeFeedItemAction, unfollowFeedAction } from "./actions";

export function FollowFeedForm({ isAdmin }: { isAdmin: boolean }) {
  const [state, action] = useActionState(followFeedAction, null);
  return (
    <form action={action} className="flex flex-col gap-4" aria-labelledby="follow-heading">
      <h2 id="follow-heading" className="text-lg font-semibold">
        Follow a feed
      </h2>
      <Input
        label="The feed's address"
        hint="An outlet's RSS or Atom feed, often linked as “RSS” at the foot of its pages."
        type="url"
        inputMode="url"
        placeholder="https://"
        {...field(state, "url")}
        required
      />
      {isAdmin && (
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="forEveryone" className="size-5 accent-brand" />
          For every teacher
        </label>
      )}
      {state && !state.ok && !state.fieldErrors?.url && <FormMessage tone="error">{state.error}</FormMessage>}
      {state?.ok && (
        <FormMessage tone="success">
          Following “{state.data.title}”. Its new articles are being drafted and will appear in the inbox.
        </FormMessage>
      )}
      <SubmitButton pendingText="Reading the feed…" className="self-start">
        Follow
      </SubmitButton>
    </form>
  );
}

export function ReviewItemButton({ itemId, title }: { itemId: string; title: string }) {
  const [state, action] = useActionState(takeFeedItemAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="itemId" value={itemId} />
      <SubmitButton pendingText="Opening…" ariaLabel={`Review “${title}”`}>
        Review
      </SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}

export function DismissItemButton({ itemId, title }: { itemId: string; title: string }) {
  const [state, action] = useActionState(dismissFeedItemAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="itemId" value={itemId} />
      <SubmitButton variant="ghost" ariaLabel={`Dismiss “${title}”`}>
        Dismiss
      </SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}

export function UnfollowButton({ feedId, title }: { feedId: string; title: string }) {
  const [state, action] = useActionState(unfollowFeedAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="feedId" value={feedId} />
      <SubmitButton variant="ghost" ariaLabel={`Unfollow “${title}”`}>
        Unfollow
      </SubmitButton>
      {state && !state.ok && <FormMessage tone="error">{state.error}</FormMessage>}
    </form>
  );
}

/** While items are being drafted, the page looks again every few seconds. */
export function RefreshWhileDrafting({ pending }: { pending: number }) {
  const router = useRouter();
  useEffect(() => {
    if (pending === 0) return;
    const timer = setInterval(() => router.refresh(), 5_000);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}
