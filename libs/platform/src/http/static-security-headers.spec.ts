import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { staticSecurityHeaders } from './static-security-headers';

describe('staticSecurityHeaders', () => {
  it('holds exactly the headers helmet sets on a response, with their values', () => {
    const request = new IncomingMessage(new Socket());
    const response = new ServerResponse(request);
    helmet()(request, response, () => undefined);

    const list = staticSecurityHeaders();

    expect(Object.fromEntries(list.map(([name, value]) => [name.toLowerCase(), value]))).toEqual(
      response.getHeaders(),
    );
    expect(list.length).toBe(Object.keys(response.getHeaders()).length);
  });
});
