/**
 * Field `extensions` marking a field whose resolver reads only its parent value (a subscription
 * event's payload or an object inside it), never the context.
 *
 * @remarks Subscription results are shared by every subscriber of the same operation only when
 * every selected field carries this mark (see `subscriptions/payload-only.ts`). A field without it
 * (a permission check, a loader) disables sharing for operations selecting it; a marked field that
 * reads the context anyway fails loudly instead of leaking one subscriber's view to another.
 */
export const PAYLOAD_ONLY = { payloadOnly: true } as const;
