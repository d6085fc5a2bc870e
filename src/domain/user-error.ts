/** An error whose message is written in French for the user, and can be shown as is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}
