import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** An accreditation body and the public keys its credentials verify against. */

@ObjectType({ description: 'A public key a body signs with (the private half never leaves its key directory)' })
export class SigningKey {
  @Field({ description: 'The JWS header `kid` (RFC 7638 thumbprint of the key)' })
  kid!: string;

  @Field()
  alg!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field({ description: 'New credentials and revocation lists are signed with this one' })
  current!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the next key took over: this one verifies only credentials it signed before (the JWK `exp`), and no revocation list' })
  retiredAt!: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A regional accreditation body: certifies practitioners and publishes the keys that verify its credentials (public)' })
export class AccreditationBody {
  @Field(() => ID, { description: 'Also the prefix of its certificate codes, e.g. WB' })
  id!: string;

  @Field()
  name!: string;

  @Field()
  region!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of its region' })
  jurisdictions!: string[];

  @Field({ description: 'Its public keys as a JWKS, served through the gateway without a token' })
  jwksUrl!: string;

  @Field({ description: 'Its first W3C Bitstring Status List of revocations (a vc+jwt signed with its current key, good for 7 days); each credential names its own list in credentialStatus' })
  revocationListUrl!: string;

  @Field({ description: 'Its first W3C Bitstring Status List of suspensions, as revocationListUrl' })
  suspensionListUrl!: string;

  @Field(() => [SigningKey], { description: 'Oldest first' })
  signingKeys!: SigningKey[];
}
