// setup.*: the settings screen's channels, each a thin call into setup-service.ts (where they are decided).
import type { Handlers } from '../ipc/dispatcher';
import type { SetupService } from './setup-service';

export type SetupChannels = 'setup.view' | 'setup.save' | 'setup.testGateway' | 'setup.goLive';

export function setupHandlers(setup: SetupService): Pick<Handlers, SetupChannels> {
  return {
    'setup.view': () => setup.view(),
    'setup.save': ({ approval, settings, terminalSecret, serverCertPem }) =>
      setup.save({ approval, settings, terminalSecret, serverCertPem }),
    'setup.testGateway': ({ url, terminalSecret, serverCertPem }) =>
      setup.testGateway({ url, terminalSecret, serverCertPem }),
    'setup.goLive': ({ approval, gateway, terminalSecret, serverCertPem }) =>
      setup.goLive({ approval, gateway, terminalSecret, serverCertPem }),
  };
}
