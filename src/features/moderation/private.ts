// Where the bot writes to a person privately: the platform's private chat (see src/core/private-chat.ts); the
// console plays one as `console:@<person>`.
import { qualify, unqualify, type QualifiedId } from '../../core/envelope.js';
import { privateChatOf } from '../../core/private-chat.js';

export function privateTargetOf(personId: QualifiedId): QualifiedId | undefined {
  try {
    const { platform, bare } = unqualify(personId);
    return platform === 'console' ? qualify('console', `@${bare}`) : privateChatOf(personId);
  } catch {
    return undefined;
  }
}

/** How a report's `postedTo` names a person's private chat (a Discord DM channel's id cannot be derived). */
export const personPlace = (personId: QualifiedId) => `person:${personId}`;
