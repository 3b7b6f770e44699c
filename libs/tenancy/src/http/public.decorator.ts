import { SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_ROUTE } from './tenancy-route-metadata.constant';

/** The route needs no credential (login, branding, health). Every other route does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_ROUTE, true);
