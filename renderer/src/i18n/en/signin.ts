// English: signing in and out at the till (the header’s button, the sign-in dialog, the status bar).
export const signin = {
  'signin.open': 'Sign in',
  'signin.title': 'Sign in: your operator code and PIN (or scan your staff badge)',
  'signin.confirm': 'Sign in',
  'signin.signedIn': 'Signed in: {name} ({code})',
  'signin.signOut': 'Sign out',
  'signin.switch': 'Sign in as someone else',
  'signin.status': '{name}',
  'signin.nobody': 'Nobody signed in',
};
