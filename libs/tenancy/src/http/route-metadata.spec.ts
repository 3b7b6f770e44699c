import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { routeMetadata } from './route-metadata';

const KEY = 'test:route-metadata';
const OTHER_KEY = 'test:route-metadata-other';

@SetMetadata(KEY, 'controller')
class Controller {
  @SetMetadata(KEY, 'handler')
  overriding(): void {}

  inheriting(): void {}
}

const contextOf = (handler: () => void): ExecutionContext =>
  ({ getHandler: () => handler, getClass: () => Controller }) as unknown as ExecutionContext;

describe('routeMetadata', () => {
  it('answers the handler’s metadata over the controller’s, per route and key', () => {
    const reflector = new Reflector();
    const { overriding, inheriting } = Controller.prototype;

    expect(routeMetadata(reflector, KEY, contextOf(overriding))).toBe('handler');
    expect(routeMetadata(reflector, KEY, contextOf(inheriting))).toBe('controller');
    expect(routeMetadata(reflector, OTHER_KEY, contextOf(overriding))).toBeUndefined();
  });

  it('looks each route and key up once, absent metadata included', () => {
    const reflector = new Reflector();
    const lookups = jest.spyOn(reflector, 'getAllAndOverride');
    const context = contextOf(Controller.prototype.overriding);
    for (let i = 0; i < 3; i += 1) {
      routeMetadata(reflector, KEY, context);
      routeMetadata(reflector, OTHER_KEY, context);
    }

    expect(lookups).toHaveBeenCalledTimes(2);
  });
});
