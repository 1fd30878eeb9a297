import styled from 'styled-components';

export const CheckList = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;

  > li {
    padding: ${({ theme }) => theme.spacing.medium} 0;
    border-top: 1px solid ${({ theme }) => theme.colors.secondary30};
  }

  > li:last-child {
    padding-bottom: 0;
  }
`;

export const FindingList = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;

  > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${({ theme }) => theme.spacing.small};
    padding: ${({ theme }) => theme.spacing.small} 0;
    border-top: 1px solid ${({ theme }) => theme.colors.secondary20};
  }

  > li > div:first-child {
    flex: 1 1 20rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
