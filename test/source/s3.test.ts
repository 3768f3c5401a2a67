import { describe, expect, it } from 'vitest';
import { parseS3Url } from '../../src/source/s3.js';

describe('parseS3Url (go-getter\'s S3 URL forms)', () => {
  it.each([
    ['s3::https://s3.amazonaws.com/acme/modules/vpc.zip', { bucket: 'acme', key: 'modules/vpc.zip', region: 'us-east-1', pathStyle: true, endpoint: undefined }],
    ['s3::https://s3-eu-west-1.amazonaws.com/acme/vpc.zip', { bucket: 'acme', key: 'vpc.zip', region: 'eu-west-1', pathStyle: true }],
    ['s3::https://acme.s3-eu-west-1.amazonaws.com/m/vpc.zip', { bucket: 'acme', key: 'm/vpc.zip', region: 'eu-west-1', pathStyle: false }],
    ['s3::https://acme.s3.eu-central-1.amazonaws.com/vpc.zip?version=3', { bucket: 'acme', key: 'vpc.zip', region: 'eu-central-1', version: '3' }],
    ['s3::http://127.0.0.1:9000/acme/tree/net?region=ap-south-1', { bucket: 'acme', key: 'tree/net', region: 'ap-south-1', endpoint: 'http://127.0.0.1:9000', pathStyle: true }],
    ['s3::https://minio.example/acme/vpc.zip', { region: 'us-east-1', endpoint: 'https://minio.example' }],
  ])('%s', (url, want) => {
    expect(parseS3Url(url)).toMatchObject(want);
  });

  it('keys written in the URL sign the request instead of the module\'s role', () => {
    expect(parseS3Url('s3::https://s3.amazonaws.com/acme/vpc.zip?aws_access_key_id=AK&aws_access_key_secret=SK&aws_access_token=T').credentials)
      .toEqual({ accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'T' });
  });

  it('a URL without a bucket and key is refused', () => {
    expect(() => parseS3Url('s3::https://s3.amazonaws.com/acme')).toThrow(/is not a valid S3 URL/);
    expect(() => parseS3Url('s3::http://127.0.0.1:9000/acme')).toThrow(/is not a valid S3 URL/);
  });
});
