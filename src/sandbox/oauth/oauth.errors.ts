/**
 * The error the token, revoke and userinfo endpoints answer with, in Intuit's JSON shape
 * (`{"error":"invalid_grant","error_description":"..."}`, facts §6.3). Data routes never see it: they get
 * `GatewayFault`s from `authenticate` instead.
 */
import { type OAuthErrorCode } from './oauth.types.js';

/** Intuit's own wording for a refresh token it will not honour (routablehq #397). */
export const INVALID_REFRESH_TOKEN = 'Incorrect or invalid refresh token';

export class OAuthProtocolError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string | undefined,
    readonly httpStatus = error === 'invalid_client' ? 401 : 400,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuthProtocolError';
  }

  toBody(): { error: OAuthErrorCode; error_description?: string } {
    // invalid_client comes back bare, as the brief's contract and Intuit's 401 do.
    return this.description === undefined ? { error: this.error } : { error: this.error, error_description: this.description };
  }
}
