import type { Schema, Struct } from '@strapi/strapi';

export interface CharterArticle extends Struct.ComponentSchema {
  collectionName: 'components_charter_articles';
  info: {
    description: 'A numbered article of a charter.';
    displayName: 'Article';
  };
  attributes: {
    body: Schema.Attribute.RichText;
    number: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 10000;
          min: 1;
        },
        number
      >;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

export interface CharterDisputeStep extends Struct.ComponentSchema {
  collectionName: 'components_charter_dispute_steps';
  info: {
    description: 'One step of the dispute procedure, in order.';
    displayName: '\u00C9tape de r\u00E9solution';
  };
  attributes: {
    description: Schema.Attribute.Text;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface CharterProfitShare extends Struct.ComponentSchema {
  collectionName: 'components_charter_profit_shares';
  info: {
    description: "One post of the profit split: the organisation's money, never points.";
    displayName: 'R\u00E9partition des b\u00E9n\u00E9fices';
  };
  attributes: {
    amountCents: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 2000000000;
          min: 0;
        },
        number
      >;
    percentage: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      >;
    post: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface CharterRole extends Struct.ComponentSchema {
  collectionName: 'components_charter_roles';
  info: {
    description: 'A role named by the charter, who holds it and what it involves.';
    displayName: 'R\u00F4le';
  };
  attributes: {
    duties: Schema.Attribute.Text;
    holder: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface CharterTerm extends Struct.ComponentSchema {
  collectionName: 'components_charter_terms';
  info: {
    description: "When the charter's commitment starts and ends.";
    displayName: 'Dur\u00E9e';
  };
  attributes: {
    end: Schema.Attribute.Date;
    start: Schema.Attribute.Date;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'charter.article': CharterArticle;
      'charter.dispute-step': CharterDisputeStep;
      'charter.profit-share': CharterProfitShare;
      'charter.role': CharterRole;
      'charter.term': CharterTerm;
    }
  }
}
