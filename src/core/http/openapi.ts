import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { openApiWebhooks } from '../webhooks/openapi-webhooks';

export const API_VERSION = '0.1.0';

/** The OpenAPI document as generated from the controllers and DTOs (no server or database needed). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('IPTV Hub API')
    .setDescription(
      'Self-hosted integration hub for IPTV businesses: payment providers to IPTV panels through plugins and declarative workflows. ' +
        'Errors are RFC 9457 problem details with a stable `code`; lists use cursor pagination; POSTs honour `Idempotency-Key`.',
    )
    .setVersion(API_VERSION)
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('http://localhost:3000', 'Local hub')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key as a bearer token' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'API key in a header' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  // Outbound webhooks (OpenAPI 3.1 `webhooks`): one entry per event type of the catalogue.
  document.webhooks = openApiWebhooks() as OpenAPIObject['webhooks'];
  return document;
}

export function serveDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json', customSiteTitle: 'IPTV Hub API' });
}
