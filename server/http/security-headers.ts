import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** Origins allowed to frame the app: BigCommerce's control panel, plus the sandbox when used. */
export function frameAncestors(loginUrl: string): string[] {
  const origins = ["'self'", 'https://*.bigcommerce.com', 'https://*.mybigcommerce.com'];
  const login = new URL(loginUrl);
  // The sandbox serves its control panel from the same origin as its login service.
  if (login.hostname !== 'login.bigcommerce.com') origins.push(login.origin);
  return origins;
}

export function securityHeaders(loginUrl: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'frame-ancestors': frameAncestors(loginUrl),
        // styled-components (BigDesign) injects <style> elements at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'https:'],
        'connect-src': ["'self'"],
      },
    },
    // X-Frame-Options cannot express "framed by the control panel"; frame-ancestors does.
    xFrameOptions: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
